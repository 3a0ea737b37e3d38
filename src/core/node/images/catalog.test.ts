import { describe, expect, it } from 'vitest';
import { defaultCatalog } from './defaultCatalog.ts';
import { parseImageReference, referenceString } from './reference.ts';
import { formatGoDuration, pulledMessage, pullDurationMs } from './pullEvents.ts';

const catalog = defaultCatalog();
const ok = (image: string) => {
  const r = catalog.resolve(image);
  if (!r.ok) throw new Error(r.error.message);
  return r.image;
};
const err = (image: string) => {
  const r = catalog.resolve(image);
  if (r.ok) throw new Error(`${image} resolved`);
  return r.error;
};

describe('parseImageReference', () => {
  it('normalises like distribution/reference', () => {
    expect(referenceString(parseImageReference('nginx'))).toBe('docker.io/library/nginx:latest');
    expect(referenceString(parseImageReference('hashicorp/http-echo:1.0'))).toBe('docker.io/hashicorp/http-echo:1.0');
    expect(referenceString(parseImageReference('registry.k8s.io/pause:3.10'))).toBe('registry.k8s.io/pause:3.10');
    expect(referenceString(parseImageReference('localhost:5000/app'))).toBe('localhost:5000/app:latest');
    expect(referenceString(parseImageReference('index.docker.io/library/redis:7'))).toBe('docker.io/library/redis:7');
  });

  it('rejects bad references with the library messages', () => {
    expect(() => parseImageReference('NGINX')).toThrow('invalid reference format: repository name (library/NGINX) must be lowercase');
    expect(() => parseImageReference('nginx:')).toThrow(/^invalid reference format$/);
    expect(() => parseImageReference('nginx::1')).toThrow(/^invalid reference format$/);
    expect(() => parseImageReference(' nginx')).toThrow(/^invalid reference format$/);
  });
});

describe('ImageCatalog.resolve', () => {
  it('resolves names, tags and aliases to one digest per release', () => {
    const a = ok('nginx');
    expect(a.reference).toBe('docker.io/library/nginx:latest');
    expect(a.version).toBe('1.27.3');
    expect(a.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.imageID).toBe(`docker.io/library/nginx@${a.digest}`);
    expect(ok('nginx:1.27.3').digest).toBe(a.digest);
    expect(ok('docker.io/library/nginx:1.27').digest).toBe(a.digest);
    expect(ok('nginx:1.25').version).toBe('1.25.5');
    expect(ok('nginx:1.25.3').digest).not.toBe(a.digest);
    expect(ok('nginx:alpine').canonicalTag).toBe('1.27.3-alpine');
    expect(ok('nginx:1.26-alpine').canonicalTag).toBe('1.26.2-alpine');
    expect(ok('nginx:stable').version).toBe('1.26.2');
    expect(ok('nginx:alpine').sizeBytes).toBeLessThan(ok('nginx').sizeBytes);
    expect(ok('postgres:17').version).toBe('17.2');
    expect(ok('registry.k8s.io/pause:3.10').version).toBe('3.10');
    expect(ok('ghcr.io/kubeplay/demo:v3-broken').version).toBe('v3-broken');
  });

  it('accepts a digest it produced and pins that release', () => {
    const d = ok('redis:7.4.1').digest;
    expect(ok(`redis@${d}`).version).toBe('7.4.1');
  });

  it('fails unknown tags with containerd NotFound wording', () => {
    expect(err('nginx:doesnotexist')).toEqual({
      reason: 'ErrImagePull',
      message:
        'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    });
    expect(err('nginx:1.999').message).toContain('docker.io/library/nginx:1.999: not found');
    expect(err('nginx:1.27.99').message).toContain(': not found');
  });

  it('fails unknown repositories the way each registry does', () => {
    expect(err('nginxx').message).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
    expect(err('ghcr.io/someone/app:1').message).toContain('https://ghcr.io/token?scope=repository%3Asomeone%2Fapp%3Apull&service=ghcr.io: 403 Forbidden');
    expect(err('registry.k8s.io/nope:1').message).toContain('"registry.k8s.io/nope:1": registry.k8s.io/nope:1: not found');
    expect(err('myregistry.example.com/team/app:2').message).toContain(
      'failed to do request: Head "https://myregistry.example.com/v2/team/app/manifests/2": dial tcp: lookup myregistry.example.com on 127.0.0.53:53: no such host',
    );
  });

  it('reports unparsable names as InvalidImageName', () => {
    expect(err('NGINX')).toEqual({
      reason: 'InvalidImageName',
      message: 'couldn\'t parse image reference "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase',
    });
  });
});

describe('pull events', () => {
  it('formats durations like Go and sizes pull time', () => {
    expect(formatGoDuration(850)).toBe('850ms');
    expect(formatGoDuration(2316)).toBe('2.316s');
    expect(formatGoDuration(2000)).toBe('2s');
    expect(formatGoDuration(65_200)).toBe('1m5.2s');
    expect(pullDurationMs(72_950_530)).toBe(2224);
    expect(pullDurationMs(72_950_530, { cached: true })).toBe(0);
    expect(pulledMessage('nginx', 2224, 2230, 72950530)).toBe(
      'Successfully pulled image "nginx" in 2.224s (2.23s including waiting). Image size: 72950530 bytes.',
    );
  });
});

describe('registry.k8s.io/nginx-slim', () => {
  it('has the StatefulSet tutorial tags and nginx behaviour without the entrypoint script', () => {
    const img = ok('registry.k8s.io/nginx-slim:0.21');
    expect(img.reference).toBe('registry.k8s.io/nginx-slim:0.21');
    expect(img.definition.config.entrypoint).toEqual([]);
    expect(img.definition.config.cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(ok('registry.k8s.io/nginx-slim:0.24').version).toBe('0.24');
    expect(err('registry.k8s.io/nginx-slim:0.99').message).toContain('not found');
  });
});
