// The hub's GraphQL sandbox: GraphiQL 5, bundled by build.mjs, served by gateway/src/sandbox.ts.
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';

/** Hashed worker file names, relative to this script (filled in by build.mjs). */
declare const __SANDBOX_WORKERS__: { editor: string; json: string; graphql: string };

interface SandboxConfig {
  endpoint: string;
  exampleQuery: string;
}

// Monaco's workers come from the hub too: never graphiql's esm.sh setup, which loads from a CDN.
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const file = label === 'json' || label === 'graphql' ? __SANDBOX_WORKERS__[label] : __SANDBOX_WORKERS__.editor;
    return new Worker(new URL(`./${file}`, import.meta.url), { name: label });
  },
};

const config = JSON.parse(document.getElementById('sandbox-config')!.textContent!) as SandboxConfig;
document.getElementById('sandbox-endpoint')!.textContent = new URL(config.endpoint, location.href).href;

/**
 * A token handed over in the URL's fragment (`#token=…`, which browsers never send to a server)
 * prefills the headers pane; then the fragment is cleared so it does not linger in the address bar.
 */
function tokenFromFragment(): string | null {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token) history.replaceState(null, '', location.pathname + location.search);
  return token;
}

const token = tokenFromFragment();
const linkHeaders = token ? { Authorization: `Bearer ${token}` } : undefined;
const defaultHeaders = linkHeaders && JSON.stringify(linkHeaders, null, 2);

/**
 * Headers typed in GraphiQL's headers pane (e.g. {"Authorization": "Bearer …"}) go with every
 * request. GraphiQL reads the pane for its first schema request before the pane's editor exists,
 * so that request would go without the link's token (a 401, no docs until a manual refetch): a
 * request that brings no headers gets the link's.
 */
const paneFetcher = createGraphiQLFetcher({ url: config.endpoint });
const fetcher: Fetcher = (params, options) =>
  paneFetcher(params, options?.headers || !linkHeaders ? options : { ...options, headers: linkHeaders });

createRoot(document.getElementById('sandbox')!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultQuery={config.exampleQuery}
    defaultHeaders={defaultHeaders}
    defaultEditorToolsVisibility="headers"
  />,
);
