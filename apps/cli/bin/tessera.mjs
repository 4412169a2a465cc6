#!/usr/bin/env node
// Launcher: TypeScript sources run through tsx's loader, no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
