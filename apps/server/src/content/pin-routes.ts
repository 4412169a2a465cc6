import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import { pinnedItemsSchema, togglePinnedItemInfoSchema } from './content-schemas.js';
import type { PinService } from './pin-service.js';
import type { PinnedItemsService } from './pinned-items-service.js';

const listParams = z.object({ projectUuid: z.guid(), pinnedListUuid: z.guid() });
const orderBody = z.array(
  z.object({
    type: z.enum(['chart', 'dashboard', 'space']),
    data: z.object({ uuid: z.guid(), pinnedListOrder: z.number().finite().nullable() }),
  }),
);

/**
 * Pinning (not in the spec; the anchor's routes, answering `TogglePinnedItemInfo`) and the spec's
 * getPinnedItems / updatePinnedItemsOrder.
 */
export const pinRoutes = (app: FastifyInstance, deps: { pins: PinService; pinnedItems: PinnedItemsService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { pins, pinnedItems } = deps;
  const tags = ['Content'];
  const toggled = { 200: okSchema(togglePinnedItemInfoSchema), ...errorResponses };

  r.patch('/api/v1/saved/:chartUuid/pinning', {
    schema: {
      tags,
      operationId: 'toggleChartPinning',
      summary: "Pin a chart to its project's pinned list, or unpin it (project editors and above, with view access to its space)",
      params: z.object({ chartUuid: z.guid() }),
      response: toggled,
    },
  }, async (request) => ok(await pins.toggleChart(requireMember(request), request.params.chartUuid)));

  r.patch('/api/v1/dashboards/:dashboardUuid/pinning', {
    schema: {
      tags,
      operationId: 'toggleDashboardPinning',
      summary: "Pin a dashboard to its project's pinned list, or unpin it",
      params: z.object({ dashboardUuid: z.guid() }),
      response: toggled,
    },
  }, async (request) => ok(await pins.toggleDashboard(requireMember(request), request.params.dashboardUuid)));

  r.patch('/api/v1/projects/:projectUuid/spaces/:spaceUuid/pinning', {
    schema: {
      tags,
      operationId: 'toggleSpacePinning',
      summary: "Pin a space to its project's pinned list, or unpin it",
      params: z.object({ projectUuid: z.guid(), spaceUuid: z.guid() }),
      response: toggled,
    },
  }, async (request) => ok(await pins.toggleSpace(requireMember(request), request.params.projectUuid, request.params.spaceUuid)));

  r.get('/api/v1/projects/:projectUuid/pinned-lists/:pinnedListUuid/items', {
    schema: {
      tags,
      operationId: 'getPinnedItems',
      summary: 'The pinned charts, dashboards and spaces you may view, in list order (project viewers and above)',
      params: listParams,
      response: { 200: okSchema(pinnedItemsSchema), ...errorResponses },
    },
  }, async (request) => ok(await pinnedItems.get(requireMember(request), request.params.projectUuid, request.params.pinnedListUuid)));

  r.patch('/api/v1/projects/:projectUuid/pinned-lists/:pinnedListUuid/items/order', {
    schema: {
      tags,
      operationId: 'updatePinnedItemsOrder',
      summary: 'Set the pinnedListOrder of pinned items (project editors and above); answers the pinned items',
      params: listParams,
      body: orderBody,
      response: { 200: okSchema(pinnedItemsSchema), ...errorResponses },
    },
  }, async (request) => {
    const { projectUuid, pinnedListUuid } = request.params;
    return ok(await pinnedItems.updateOrder(requireMember(request), projectUuid, pinnedListUuid, request.body));
  });
};
