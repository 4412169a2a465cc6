import type { UserAttribute, UserAttributeInput } from '../../../api/settings-types.js';

/** The user attribute form: name, description, default, and one value per user (or group). */
export type AttributeForm = {
  name: string;
  description: string;
  /** Empty means "no default": users without a value see nothing (row-level filters match no rows). */
  attributeDefault: string;
  users: { userUuid: string; value: string }[];
  groups: { groupUuid: string; value: string }[];
};

export const emptyAttributeForm = (): AttributeForm => ({ name: '', description: '', attributeDefault: '', users: [], groups: [] });

export const attributeFormOf = (a: UserAttribute): AttributeForm => ({
  name: a.name,
  description: a.description ?? '',
  attributeDefault: a.attributeDefault ?? '',
  users: a.users.map(({ userUuid, value }) => ({ userUuid, value })),
  groups: a.groups.map(({ groupUuid, value }) => ({ groupUuid, value })),
});

/** Sets a user's value (adds the user when new), or removes it when `value` is undefined. */
export const setUserValue = (form: AttributeForm, userUuid: string, value: string | undefined): AttributeForm => {
  const others = form.users.filter((u) => u.userUuid !== userUuid);
  if (value === undefined) return { ...form, users: others };
  const index = form.users.findIndex((u) => u.userUuid === userUuid);
  if (index === -1) return { ...form, users: [...form.users, { userUuid, value }] };
  return { ...form, users: form.users.map((u) => (u.userUuid === userUuid ? { userUuid, value } : u)) };
};

/** Names the server accepts: letters, digits and underscores, not starting with a digit (checked here to say so before saving). */
export const ATTRIBUTE_NAME = /^[a-z_][a-z0-9_]*$/i;

export const attributeProblem = (form: AttributeForm): string | undefined => {
  if (!form.name.trim()) return 'Give the attribute a name.';
  if (!ATTRIBUTE_NAME.test(form.name.trim())) return 'The name may only hold letters, digits and underscores, and may not start with a digit.';
  return undefined;
};

export const attributeInputOf = (form: AttributeForm): UserAttributeInput => ({
  name: form.name.trim(),
  description: form.description.trim() || null,
  attributeDefault: form.attributeDefault === '' ? null : form.attributeDefault,
  users: form.users,
  groups: form.groups,
});
