// The caller's bearer token. It arrives in the URL's fragment (`/dashboard#token=…`, which browsers
// never send to a server, so it stays out of logs) and is kept for this tab only.

const STORAGE_KEY = 'hub-dashboard-token';

/** The token from the fragment (then cleared from the address bar), or the one this tab already has. */
export function tokenFromPage(): string | null {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromFragment) {
    sessionStorage.setItem(STORAGE_KEY, fromFragment);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

export function rememberToken(token: string): void {
  sessionStorage.setItem(STORAGE_KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
