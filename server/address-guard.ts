// Decides which network addresses the save route may connect to: public unicast only.
import { BlockList, isIP } from 'node:net'
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns'
import type { LookupFunction } from 'node:net'

const blocked = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  // ::/96 holds the unspecified and loopback addresses and the deprecated IPv4-compatible form
  // (::a.b.c.d); 6to4 (2002::/16), Teredo (2001::/32), local-use NAT64 (64:ff9b:1::/48) and
  // IPv4-translated (::ffff:0:a.b.c.d) addresses carry an IPv4 address too.
  ['::', 96], ['::ffff:0:0:0', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 32], ['2001:db8::', 32], ['2002::', 16],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(network, prefix, 'ipv6')

/** The eight 16-bit groups of an IPv6 address (which isIP has already accepted). */
function ipv6Groups(address: string): number[] {
  let text = address
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number)
    text = `${text.slice(0, dotted.index)}${(((a ?? 0) << 8) | (b ?? 0)).toString(16)}:${(((c ?? 0) << 8) | (d ?? 0)).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : [])
  const front = part(head)
  const back = part(tail)
  return tail === undefined ? front : [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back]
}

/** An IPv4 address carried inside an IPv6 one (IPv4-mapped, or NAT64's 64:ff9b::/96), if any. */
function embeddedIPv4(address: string): string | undefined {
  const g = ipv6Groups(address)
  const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)
  if (!mapped && !nat64) return undefined
  const high = g[6] ?? 0
  const low = g[7] ?? 0
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`
}

export function isPublicAddress(address: string): boolean {
  // A zone (fe80::1%eth0) only ever names a link-local interface.
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = isIP(bare)
  if (family === 4) return !blocked.check(bare, 'ipv4')
  if (family === 6) {
    const inner = embeddedIPv4(bare)
    if (inner !== undefined) return isPublicAddress(inner)
    return !blocked.check(bare, 'ipv6')
  }
  return false
}

/** `localhost` and every name under it are loopback by definition (RFC 6761), whatever DNS says. */
export function isLoopbackName(hostname: string): boolean {
  return /(?:^|\.)localhost\.?$/i.test(hostname)
}

export class BlockedAddress extends Error {
  readonly host: string
  constructor(host: string) {
    super(`${host} is not a public address`)
    this.host = host
  }
}

/** What resolves a name: node's own `dns.lookup` (getaddrinfo), or a stand-in in tests. */
export type Resolver = (hostname: string, options: LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void

const systemResolver: Resolver = (hostname, options, callback) => dnsLookup(hostname, options, callback)

/**
 * A `lookup` for node:http that refuses a name resolving to any non-public address. The socket
 * connects to exactly the addresses checked here, so a name that answers a public address to a
 * check and a private one a moment later (DNS rebinding) gains nothing: there is no second lookup.
 */
export function publicOnlyLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    if (isLoopbackName(hostname)) return callback(new BlockedAddress(hostname), '', 4)
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4)
      const refused = addresses.find((a) => !isPublicAddress(a.address))
      if (refused || addresses.length === 0) return callback(new BlockedAddress(hostname), '', 4)
      if (options.all) return callback(null, addresses)
      const first = addresses[0]
      if (!first) return callback(new BlockedAddress(hostname), '', 4)
      return callback(null, first.address, first.family)
    })
  }
}
