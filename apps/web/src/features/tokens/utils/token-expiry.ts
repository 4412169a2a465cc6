/** The expiry choices offered when creating a personal access token (Lightdash's, plus "never"). */
export const EXPIRY_OPTIONS = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '60', label: '60 days' },
  { value: '90', label: '90 days' },
  { value: 'never', label: 'No expiration' },
] as const;
export type ExpiryOption = (typeof EXPIRY_OPTIONS)[number]['value'];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The `expiresAt` to send for a choice, counted from `now`: an ISO instant, or null for never. */
export const expiresAtFor = (option: ExpiryOption, now: Date): string | null =>
  option === 'never' ? null : new Date(now.getTime() + Number(option) * DAY_MS).toISOString();

/** How a token's expiry reads in the list: "Never", "Expired", or the date. */
export const expiryLabel = (expiresAt: string | null, now: Date): string => {
  if (expiresAt === null) return 'Never';
  const at = new Date(expiresAt);
  return at.getTime() <= now.getTime() ? `Expired ${at.toLocaleDateString()}` : at.toLocaleDateString();
};
