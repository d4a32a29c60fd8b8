import { startStack } from './support/stack';

describe('HOST', () => {
  it.each([
    ['127.0.0.1', /^http:\/\/127\.0\.0\.1:\d+$/],
    ['0.0.0.0', /^http:\/\/localhost:\d+$/],
  ])('listens on %s and reports a URL that reaches it', async (host, url) => {
    const stack = await startStack({ HOST: host });
    try {
      expect(stack.api.url).toMatch(url);
      const port = new URL(stack.api.url).port;
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await stack.close();
    }
  });
});
