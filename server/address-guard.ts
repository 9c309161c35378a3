// Decides which network addresses the save route may connect to: public unicast only.
import { BlockList, isIP } from 'node:net'
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import type { LookupFunction } from 'node:net'

const blocked = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  // 6to4 (2002::/16) and IPv4-translated (::ffff:0:0:0/96) addresses carry an IPv4 address too.
  ['::', 128], ['::1', 128], ['::ffff:0:0:0', 96], ['100::', 64], ['2002::', 16], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(network, prefix, 'ipv6')

/** An IPv4 address carried inside an IPv6 one (mapped, compatible, NAT64), if any. */
function embeddedIPv4(address: string): string | undefined {
  const lower = address.toLowerCase()
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower)
  if (dotted) return dotted[1]
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower)
  if (hex?.[1] && hex[2]) {
    const high = parseInt(hex[1], 16)
    const low = parseInt(hex[2], 16)
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`
  }
  return undefined
}

export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '')
  const family = isIP(bare)
  if (family === 4) return !blocked.check(bare, 'ipv4')
  if (family === 6) {
    const inner = embeddedIPv4(bare)
    if (inner !== undefined) return isPublicAddress(inner)
    return !blocked.check(bare, 'ipv6')
  }
  return false
}

export class BlockedAddress extends Error {
  readonly host: string
  constructor(host: string) {
    super(`${host} is not a public address`)
    this.host = host
  }
}

/** A `lookup` for node:http that refuses to connect a name resolving to any non-public address. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 4)
    const refused = addresses.find((a) => !isPublicAddress(a.address))
    if (refused || addresses.length === 0) return callback(new BlockedAddress(hostname), '', 4)
    if (options.all) return callback(null, addresses)
    const first = addresses[0]
    if (!first) return callback(new BlockedAddress(hostname), '', 4)
    return callback(null, first.address, first.family)
  })
}
