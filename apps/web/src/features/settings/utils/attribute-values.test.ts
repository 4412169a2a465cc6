import { describe, expect, it } from 'vitest';
import { attributeFormOf, attributeInputOf, attributeProblem, emptyAttributeForm, setUserValue } from './attribute-values.js';

describe('user attribute form', () => {
  it('adds, changes and removes a user value', () => {
    let form = setUserValue(emptyAttributeForm(), 'u1', 'EMEA');
    form = setUserValue(form, 'u2', 'APAC');
    form = setUserValue(form, 'u1', 'AMER');
    expect(form.users).toEqual([{ userUuid: 'u1', value: 'AMER' }, { userUuid: 'u2', value: 'APAC' }]);
    expect(setUserValue(form, 'u1', undefined).users).toEqual([{ userUuid: 'u2', value: 'APAC' }]);
  });

  it('checks the name and sends nulls for an empty default and description', () => {
    expect(attributeProblem({ ...emptyAttributeForm(), name: '' })).toMatch(/name/);
    expect(attributeProblem({ ...emptyAttributeForm(), name: 'sales region' })).toMatch(/letters, digits and underscores/);
    expect(attributeProblem({ ...emptyAttributeForm(), name: 'sales_region' })).toBeUndefined();
    expect(attributeInputOf({ ...emptyAttributeForm(), name: ' region ' })).toEqual({ name: 'region', description: null, attributeDefault: null, users: [], groups: [] });
  });

  it('reads a stored attribute back into the form', () => {
    const form = attributeFormOf({
      uuid: 'a', name: 'region', organizationUuid: 'o', createdAt: '', attributeDefault: null,
      users: [{ userUuid: 'u1', email: 'a@b.c', value: 'EMEA' }], groups: [],
    });
    expect(form).toEqual({ name: 'region', description: '', attributeDefault: '', users: [{ userUuid: 'u1', value: 'EMEA' }], groups: [] });
  });
});
