import { describe, expect, it } from 'vitest'
import { isLoopbackName, isPublicAddress } from './address-guard.ts'

describe('isPublicAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.5.5.5', 'loopback, not .1'],
    ['10.0.0.1', 'private 10/8'],
    ['10.255.255.254', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12, first'],
    ['172.20.10.10', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12, last'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'link-local, cloud metadata'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT, last'],
    ['0.0.0.0', 'this host'],
    ['224.0.0.1', 'IPv4 multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'IPv6 loopback'],
    ['[::1]', 'IPv6 loopback, bracketed'],
    ['::', 'IPv6 unspecified'],
    ['fc00::1', 'unique local'],
    ['fd12::1', 'unique local'],
    ['fe80::1', 'IPv6 link-local'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback, dotted'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::FFFF:7F00:1', 'IPv4-mapped loopback, upper case'],
    ['0:0:0:0:0:ffff:7f00:1', 'IPv4-mapped loopback, uncompressed'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata address, hex'],
    ['64:ff9b::10.0.0.1', 'NAT64 of a private address'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback, hex'],
    ['::7f00:1', 'IPv4-compatible loopback (deprecated form)'],
    ['::10.0.0.1', 'IPv4-compatible private, dotted'],
    ['64:ff9b:1::a00:1', 'local-use NAT64'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['2002:7f00:1::1', '6to4 of loopback'],
    ['fe80::1%eth0', 'link-local with a zone'],
  ])('%s (%s) is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false)
  })

  it.each([
    ['8.8.8.8', 'Google DNS'],
    ['1.1.1.1', 'Cloudflare DNS'],
    ['172.32.0.1', 'just past 172.16/12'],
    ['100.128.0.1', 'just past 100.64/10'],
    ['2606:4700::1111', 'Cloudflare DNS, IPv6'],
    ['::ffff:8.8.8.8', 'IPv4-mapped public'],
    ['64:ff9b::8.8.8.8', 'NAT64 of a public address'],
  ])('%s (%s) is public', (address) => {
    expect(isPublicAddress(address)).toBe(true)
  })

  it.each(['', 'localhost', 'example.com', 'cdn.foxapi.cc', '127.1', '2130706433', '0x7f000001', ' 8.8.8.8', '8.8.8.8:80', '256.1.1.1', 'not an ip'])(
    '%j, not an IP address, is not public',
    (address) => {
      expect(isPublicAddress(address)).toBe(false)
    },
  )

  // WHATWG URL parsing turns these spellings of loopback into 127.0.0.1 before any check.
  it.each(['http://2130706433/', 'http://0177.0.0.1/', 'http://0x7f.1/', 'http://127.1/'])('%s is loopback once parsed', (url) => {
    const hostname = new URL(url).hostname
    expect(hostname).toBe('127.0.0.1')
    expect(isPublicAddress(hostname)).toBe(false)
  })

  it.each(['http://[::ffff:127.0.0.1]/', 'http://[0:0:0:0:0:ffff:7f00:1]/'])('%s, an IPv6 hostname in brackets, is loopback', (url) => {
    expect(isPublicAddress(new URL(url).hostname)).toBe(false)
  })

  it.each(['localhost', 'LOCALHOST', 'localhost.', 'foxwatch.localhost', 'a.b.localhost.'])('%s is loopback by its name alone', (name) => {
    expect(isLoopbackName(name)).toBe(true)
  })

  it.each(['localhost.example.com', 'notlocalhost', 'example.com', 'mylocalhost.test'])('%s is not loopback by name', (name) => {
    expect(isLoopbackName(name)).toBe(false)
  })
})
