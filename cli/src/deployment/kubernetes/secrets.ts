/**
 * The Secrets the manifests read and the keys each must hold. None is generated: the operator
 * creates them (docs/kubernetes.md, "Secrets"), so no value is ever in a checked-in file.
 */
export const SECRETS = {
  gatewayPrivateKey: { name: 'hub-gateway-private-key', key: 'gateway.key', holds: "the gateway's ES256 private key (PKCS#8 PEM)" },
  gatewayPublicKey: { name: 'hub-gateway-public-key', key: 'gateway.pub', holds: "the gateway's public key (PEM), for the partners" },
  trustedIssuers: { name: 'hub-trusted-issuers', key: 'trusted-issuers.json', holds: "the partners' identity providers (infra/trusted-issuers.example.json)" },
  recordKey: { name: 'hub-record-key', key: 'HUB_RECORD_KEY_SECRET', holds: "the alliance's record-key secret, 32 characters or more" },
  backup: { name: 'hub-backup-s3', key: 'ACCESS_KEY_ID', holds: 'the object store credentials of the database backups (and ACCESS_SECRET_KEY)' },
  ingressTls: { name: 'hub-gateway-tls', key: 'tls.crt', holds: "the gateway's TLS certificate (and tls.key)" },
} as const;

/** The Secret CloudNativePG makes for a cluster's owner role (`<cluster>-app`); its `uri` is the database URL. */
export const databaseSecretOf = (cluster: string) => ({ name: `${cluster}-app`, key: 'uri' });

/** An environment variable read from a Secret: never a value in the manifest. */
export const secretEnv = (name: string, secret: { name: string; key: string }) => ({
  name,
  valueFrom: { secretKeyRef: { name: secret.name, key: secret.key } },
});

/** Mounted files of Secrets are under /run/secrets/<secret>/, as in docker-compose.yml. */
export const secretFile = (secret: { name: string; key: string }) => `/run/secrets/${secret.name}/${secret.key}`;

/** A read-only volume of one Secret and where the container sees it: readable by its owner and the pod's fsGroup only. */
export function secretVolume(secret: { name: string }) {
  return {
    volume: { name: secret.name, secret: { secretName: secret.name, defaultMode: 0o440 } },
    mount: { name: secret.name, mountPath: `/run/secrets/${secret.name}`, readOnly: true },
  };
}
