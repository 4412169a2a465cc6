export type LoginOptionType = 'email' | 'apiToken' | 'google' | 'okta' | 'oneLogin' | 'azuread' | 'oidc';
export type LoginOptions = { showOptions: LoginOptionType[]; forceRedirect?: boolean; redirectUri?: string };

/** Sign-in methods this server offers; password login is always on (there is no SSO yet). */
const ENABLED_METHODS: readonly LoginOptionType[] = ['email'];

/**
 * getLoginOptions. The answer is the enabled methods. The optional e-mail is accepted for
 * compatibility but deliberately does not change the answer: answering differently for known,
 * pending or unknown addresses would let anyone probe which e-mails have an account.
 */
export class LoginOptionsService {
  options(_email: string | undefined): LoginOptions {
    return { showOptions: [...ENABLED_METHODS] };
  }
}
