import { devTrustedIssuers, generateKeyPairPem } from '@hub/core';
import { authenticate } from '@hub/gateway';

describe('the gateway\'s trust configuration', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('refuses to start in production while trusting the development issuers', async () => {
    const keys = await generateKeyPairPem();
    process.env.NODE_ENV = 'production';
    await expect(authenticate(devTrustedIssuers(keys.publicKeyPem), keys.privateKeyPem)).rejects.toThrow(
      /must not trust the development issuers/,
    );
  });

  it('accepts them in development', async () => {
    const keys = await generateKeyPairPem();
    process.env.NODE_ENV = 'development';
    await expect(authenticate(devTrustedIssuers(keys.publicKeyPem), keys.privateKeyPem)).resolves.toEqual(
      expect.any(Function),
    );
  });
});
