import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, type KeyLike } from 'jose';
import { PARTNERS } from '../partners';
import type { TrustedIssuer } from './callerVerifier';
import type { Role } from './Viewer';

export interface KeyPairPem {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** The audience every caller's token must name. */
export const HUB_AUDIENCE = 'partner-data-hub';
/** Issuers of development tokens; a production gateway refuses to trust them. */
export const DEV_ISSUER_PREFIX = 'hub-dev:';

export async function generateKeyPairPem(): Promise<KeyPairPem> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateKeyPem: await exportPKCS8(privateKey), publicKeyPem: await exportSPKI(publicKey) };
}

export const importPrivateKey = (pem: string): Promise<KeyLike> => importPKCS8(pem, 'ES256');
export const importPublicKey = (pem: string): Promise<KeyLike> => importSPKI(pem, 'ES256');

export interface DevKeys {
  /** Signs development callers' tokens (`hub token`). */
  issuer: KeyPairPem;
  /** The gateway's own key: it vouches for callers to the subgraphs. */
  gateway: KeyPairPem;
}

async function loadOrCreatePair(dir: string, name: string): Promise<KeyPairPem> {
  const privatePath = path.join(dir, `${name}.key`);
  const publicPath = path.join(dir, `${name}.pub`);
  if (!existsSync(privatePath)) {
    const created = await generateKeyPairPem();
    writeFileSync(privatePath, created.privateKeyPem, { mode: 0o600 });
    writeFileSync(publicPath, created.publicKeyPem);
  }
  return { privateKeyPem: readFileSync(privatePath, 'utf8'), publicKeyPem: readFileSync(publicPath, 'utf8') };
}

/** Development keys under `dir` (`.data/keys`), made on first use and kept for later runs. */
export async function loadOrCreateDevKeys(dir: string): Promise<DevKeys> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return {
    issuer: await loadOrCreatePair(dir, 'dev-issuer'),
    gateway: await loadOrCreatePair(dir, 'gateway'),
  };
}

/** One development issuer per partner organisation, all signing with the development key. */
export function devTrustedIssuers(publicKeyPem: string): TrustedIssuer[] {
  return PARTNERS.map((partner) => ({
    issuer: `${DEV_ISSUER_PREFIX}${partner.organisation}`,
    partner: partner.organisation,
    audience: HUB_AUDIENCE,
    publicKeyPem,
  }));
}

export interface TokenRequest {
  partner: string;
  roles: Role[];
  purpose?: string;
  subject?: string;
  /** e.g. "8h", "15m" */
  expiresIn?: string;
}

/** A development caller token, as a partner's identity provider would issue it. */
export async function mintDevToken(issuerPrivateKeyPem: string, request: TokenRequest): Promise<string> {
  return new SignJWT({
    roles: request.roles,
    partner: request.partner,
    ...(request.purpose ? { purpose: request.purpose } : {}),
  })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(`${DEV_ISSUER_PREFIX}${request.partner}`)
    .setAudience(HUB_AUDIENCE)
    .setSubject(request.subject ?? `dev-${request.roles.join('+')}@${request.partner}`)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(await importPrivateKey(issuerPrivateKeyPem));
}
