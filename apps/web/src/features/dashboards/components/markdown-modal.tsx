import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';

type Props = {
  /** Undefined: closed; otherwise the tile's title and content (empty for a new tile). */
  editing: { title: string; content: string } | undefined;
  onClose: () => void;
  onSave: (value: { title: string; content: string }) => void;
};

const Form = ({ initial, onClose, onSave }: { initial: { title: string; content: string }; onClose: () => void; onSave: Props['onSave'] }) => {
  const [title, setTitle] = useState(initial.title);
  const [content, setContent] = useState(initial.content);
  return (
    <Stack>
      <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Textarea
        label="Text (Markdown)"
        description="Headings, lists, links, tables; HTML shows as text."
        autosize
        minRows={6}
        maxRows={16}
        value={content}
        onChange={(e) => setContent(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={() => onSave({ title: title.trim(), content })} disabled={content.trim() === '' && title.trim() === ''}>
          Save text
        </Button>
      </Group>
    </Stack>
  );
};

/** Write or change a markdown tile. */
export const MarkdownModal = ({ editing, onClose, onSave }: Props) => (
  <Modal opened={editing !== undefined} onClose={onClose} title="Text tile" size="lg">
    {editing && <Form initial={editing} onClose={onClose} onSave={onSave} />}
  </Modal>
);
