// Every link the save route is tried with and must refuse: the SSRF suite's one list, used by the
// unit tests (each directly and as a redirect's destination) and the browser tests (over real
// HTTP), so docs/reliability.md can state how many there are.

export type SsrfTarget = {
  url: string
  why: string
  /** How the refusal reads: an address that is not public, a scheme, or credentials in the link. */
  refusal: 'not-public' | 'not-http' | 'credentials'
  /**
   * What the name resolves to in the unit tests' stand-in resolver. Names with this set don't
   * resolve on a real machine, so the browser tests leave them out.
   */
  dns?: string[]
}

const notPublic = (why: string, ...urls: string[]): SsrfTarget[] => urls.map((url) => ({ url, why, refusal: 'not-public' }))
const resolving = (why: string, url: string, ...dns: string[]): SsrfTarget => ({ url, why, refusal: 'not-public', dns })

export const SSRF_TARGETS: readonly SsrfTarget[] = [
  ...notPublic('IPv4 loopback', 'http://127.0.0.1/', 'http://127.0.0.1:9/secret', 'https://127.0.0.1/', 'http://127.5.5.5/', 'http://127.255.255.254/'),
  ...notPublic('loopback, short form', 'http://127.1/', 'http://127.0.1/'),
  ...notPublic('loopback, decimal', 'http://2130706433/'),
  ...notPublic('loopback, octal', 'http://0177.0.0.1/', 'http://017700000001/', 'http://0177.0.0.01/'),
  ...notPublic('loopback, hexadecimal', 'http://0x7f.0.0.1/', 'http://0x7f000001/', 'http://0x7F.1/', 'http://0x7f.0x0.0x0.0x1/'),
  ...notPublic('this host', 'http://0.0.0.0/', 'http://0/', 'http://0.0.0.0:4173/api/config'),
  ...notPublic('private 10/8', 'http://10.0.0.1/', 'http://10.255.255.254/', 'http://012.0.0.1/', 'http://167772161/'),
  ...notPublic('private 172.16/12', 'http://172.16.0.1/', 'http://172.31.255.255/'),
  ...notPublic('private 192.168/16', 'http://192.168.0.1/', 'http://192.168.1.1:8080/admin', 'http://0xc0.0xa8.1.1/'),
  ...notPublic('carrier-grade NAT 100.64/10', 'http://100.64.0.1/', 'http://100.127.255.254/'),
  ...notPublic('link-local, cloud metadata', 'http://169.254.169.254/latest/meta-data/', 'http://169.254.170.2/v2/credentials', 'http://2852039166/', 'http://0xa9.0xfe.0xa9.0xfe/'),
  ...notPublic('reserved, benchmarking, documentation', 'http://192.0.0.1/', 'http://198.18.0.1/', 'http://192.0.2.1/', 'http://203.0.113.1/'),
  ...notPublic('multicast and broadcast', 'http://224.0.0.1/', 'http://239.255.255.250:1900/', 'http://255.255.255.255/', 'http://240.0.0.1/'),
  ...notPublic('IPv6 loopback and unspecified', 'http://[::1]/', 'http://[0:0:0:0:0:0:0:1]/', 'http://[::]/'),
  ...notPublic('IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:7f00:1]/', 'http://[0:0:0:0:0:ffff:127.0.0.1]/', 'http://[::FFFF:7F00:0001]/',
    'http://[::ffff:10.0.0.1]/', 'http://[::ffff:192.168.1.1]/', 'http://[::ffff:169.254.169.254]/', 'http://[::ffff:a9fe:a9fe]/'),
  ...notPublic('IPv4-compatible IPv6 (deprecated)', 'http://[::127.0.0.1]/', 'http://[::7f00:1]/', 'http://[::10.0.0.1]/'),
  ...notPublic('NAT64 of a non-public IPv4', 'http://[64:ff9b::127.0.0.1]/', 'http://[64:ff9b::a00:1]/', 'http://[64:ff9b::169.254.169.254]/', 'http://[64:ff9b:1::a00:1]/'),
  ...notPublic('6to4 and Teredo', 'http://[2002:7f00:1::1]/', 'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/'),
  ...notPublic('unique-local IPv6 fc00::/7', 'http://[fc00::1]/', 'http://[fd12:3456:789a::1]/', 'http://[fd00:ec2::254]/latest/meta-data/'),
  ...notPublic('IPv6 link-local and multicast', 'http://[fe80::1]/', 'http://[fec0::1]/', 'http://[ff02::1]/'),
  ...notPublic('IPv6 documentation', 'http://[2001:db8::1]/'),
  ...notPublic('localhost by name', 'http://localhost/', 'http://localhost:4173/api/config', 'http://LOCALHOST./', 'http://foxwatch.localhost/', 'http://localhost.:4173/'),
  resolving('a name resolving to 127.0.0.1', 'http://loopback.foxwatch.test/', '127.0.0.1'),
  resolving('a name resolving to a private address', 'http://private.foxwatch.test/', '10.1.2.3'),
  resolving('a name resolving to the metadata address', 'http://metadata.google.internal/computeMetadata/v1/', '169.254.169.254'),
  resolving('a name resolving to a public and a private address', 'http://mixed.foxwatch.test/', '93.184.215.14', '192.168.1.10'),
  resolving('a name resolving to IPv6 loopback', 'http://v6.foxwatch.test/', '::1'),
  resolving('a name resolving to IPv4-mapped loopback', 'http://mapped.foxwatch.test/', '::ffff:127.0.0.1'),
  resolving('a name resolving to unique-local IPv6', 'http://ula.foxwatch.test/', 'fd00::1'),
  resolving('a name resolving to CGNAT', 'http://cgnat.foxwatch.test/', '100.100.100.200'),
  ...(['file:///etc/passwd', 'file://localhost/etc/passwd', 'ftp://example.com/x.png', 'gopher://127.0.0.1:70/_GET', 'dict://127.0.0.1:11211/stats',
    'ldap://127.0.0.1/', 'data:text/plain,hi', 'data:image/png;base64,iVBORw0KGgo=', 'javascript:alert(1)', 'vbscript:msgbox(1)',
    'ws://example.com/', 'blob:https://example.com/0b5b1bb2-2b4d-4d5c-9d2b-0f3c1c7c1c1c'] as const)
    .map((url): SsrfTarget => ({ url, why: 'a scheme other than http(s)', refusal: 'not-http' })),
  ...(['http://user:pass@example.com/x.png', 'https://user@example.com/x.png', 'https://:secret@example.com/x.png', 'http://example.com@127.0.0.1/'] as const)
    .map((url): SsrfTarget => ({ url, why: 'a user name or password in the link', refusal: 'credentials' })),
]
