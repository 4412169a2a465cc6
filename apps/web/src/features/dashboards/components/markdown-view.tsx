import { Anchor, Blockquote, Code, Divider, List, Table, Text, Title } from '@mantine/core';
import { Lexer, type Token, type Tokens } from 'marked';
import { useMemo, type ReactNode } from 'react';
import { safeHref } from '../utils/safe-href.js';

/**
 * Markdown as React elements, built from marked's tokens — never as HTML text, so nothing in a
 * tile's content can inject markup or script: raw HTML shows as text, links only to safe targets.
 */
const inline = (tokens: Token[] | undefined): ReactNode[] => (tokens ?? []).map((t, i) => <Inline key={i} token={t} />);

const Inline = ({ token }: { token: Token }): ReactNode => {
  const t = token as Tokens.Generic;
  switch (token.type) {
    case 'strong':
      return <strong>{inline(t.tokens)}</strong>;
    case 'em':
      return <em>{inline(t.tokens)}</em>;
    case 'del':
      return <del>{inline(t.tokens)}</del>;
    case 'codespan':
      return <Code>{(token as Tokens.Codespan).text}</Code>;
    case 'br':
      return <br />;
    case 'link':
    case 'image': {
      const link = token as Tokens.Link | Tokens.Image;
      const href = safeHref(link.href);
      const label = token.type === 'link' ? inline((token as Tokens.Link).tokens) : link.text;
      return href ? (
        <Anchor href={href} target={href.startsWith('/') || href.startsWith('#') ? undefined : '_blank'} rel="noopener noreferrer">
          {label}
        </Anchor>
      ) : (
        <>{label}</>
      );
    }
    case 'text':
      return t.tokens ? <>{inline(t.tokens)}</> : <>{(token as Tokens.Text).text}</>;
    case 'escape':
    case 'html':
      return <>{(token as Tokens.Text).text}</>;
    default:
      return <>{'raw' in token ? String(token.raw) : ''}</>;
  }
};

const Block = ({ token }: { token: Token }): ReactNode => {
  switch (token.type) {
    case 'heading': {
      const h = token as Tokens.Heading;
      return (
        <Title order={Math.min(6, Math.max(1, h.depth + 1)) as 2 | 3 | 4 | 5 | 6} mb={6}>
          {inline(h.tokens)}
        </Title>
      );
    }
    case 'paragraph':
      return (
        <Text size="sm" mb={8}>
          {inline((token as Tokens.Paragraph).tokens)}
        </Text>
      );
    case 'list': {
      const l = token as Tokens.List;
      return (
        <List type={l.ordered ? 'ordered' : 'unordered'} size="sm" mb={8} withPadding>
          {l.items.map((item, i) => (
            <List.Item key={i}>{item.tokens.map((t, j) => (t.type === 'text' ? <Inline key={j} token={t} /> : <Block key={j} token={t} />))}</List.Item>
          ))}
        </List>
      );
    }
    case 'code':
      return (
        <Code block mb={8}>
          {(token as Tokens.Code).text}
        </Code>
      );
    case 'blockquote':
      return (
        <Blockquote p="xs" mb={8}>
          {(token as Tokens.Blockquote).tokens.map((t, i) => (
            <Block key={i} token={t} />
          ))}
        </Blockquote>
      );
    case 'hr':
      return <Divider my={8} />;
    case 'table': {
      const table = token as Tokens.Table;
      return (
        <Table withTableBorder mb={8} fz="sm">
          <Table.Thead>
            <Table.Tr>
              {table.header.map((cell, i) => (
                <Table.Th key={i}>{inline(cell.tokens)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row, i) => (
              <Table.Tr key={i}>
                {row.map((cell, j) => (
                  <Table.Td key={j}>{inline(cell.tokens)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      );
    }
    case 'space':
      return null;
    case 'html':
      return (
        <Text size="sm" mb={8} style={{ whiteSpace: 'pre-wrap' }}>
          {(token as Tokens.HTML).text}
        </Text>
      );
    default:
      return <Inline token={token} />;
  }
};

export const MarkdownView = ({ content }: { content: string }) => {
  const tokens = useMemo(() => Lexer.lex(content, { gfm: true, breaks: false }), [content]);
  return (
    <div data-testid="markdown">
      {tokens.map((t, i) => (
        <Block key={i} token={t} />
      ))}
    </div>
  );
};
