/**
 * The server-side request forgery guard of `ctx.http`: which addresses a
 * handler may not reach by default (loopback, private, link-local, CGNAT,
 * cloud metadata…), how a caller opens some of them (`allowPrivateNetwork`),
 * and the DNS lookup / connector that enforce it on every connection the
 * egress agents open — after name resolution, so a public name pointing at
 * 127.0.0.1 is caught, and again for every redirect hop.
 *
 * @module
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { PrivateNetworkError, ValidationError } from '../errors.js';

/** `true` opens every address; a list opens the named hosts, IP addresses and CIDR ranges. */
export type AllowPrivateNetwork = boolean | readonly string[];

/** The normalised form of {@link AllowPrivateNetwork}. */
export interface PrivateNetworkPolicy {
  /** Everything allowed (`allowPrivateNetwork: true`). */
  readonly all: boolean;
  /** Lower-cased host names whose addresses are allowed whatever they resolve to. */
  readonly hosts: ReadonlySet<string>;
  /** Allowed addresses and ranges. */
  readonly ranges: BlockList;
  /** Stable text form (cache key of the egress agents). */
  readonly key: string;
}

/** Ranges refused by default: [address, prefix, family]. */
const BLOCKED: readonly (readonly [string, number, 'ipv4' | 'ipv6'])[] = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"
  ['10.0.0.0', 8, 'ipv4'], // private
  ['100.64.0.0', 10, 'ipv4'], // CGNAT (Alibaba's metadata service 100.100.100.200 lives here)
  ['127.0.0.0', 8, 'ipv4'], // loopback
  ['169.254.0.0', 16, 'ipv4'], // link-local (AWS/GCP/Azure metadata 169.254.169.254)
  ['172.16.0.0', 12, 'ipv4'], // private
  ['192.0.0.0', 24, 'ipv4'], // IETF protocol assignments (Oracle metadata 192.0.0.192)
  ['192.168.0.0', 16, 'ipv4'], // private
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 128, 'ipv6'], // unspecified
  ['::1', 128, 'ipv6'], // loopback
  ['fc00::', 7, 'ipv6'], // unique local (AWS IPv6 metadata fd00:ec2::254)
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // old site-local
  ['ff00::', 8, 'ipv6'], // multicast
  ['64:ff9b:1::', 48, 'ipv6'], // local-use NAT64
];

const blocked = new BlockList();
for (const [address, prefix, family] of BLOCKED) blocked.addSubnet(address, prefix, family);

/** The closed policy: nothing private allowed. */
export const GUARDED: PrivateNetworkPolicy = Object.freeze({ all: false, hosts: new Set<string>(), ranges: new BlockList(), key: 'guarded' });
/** The open policy (`allowPrivateNetwork: true`). */
export const OPEN: PrivateNetworkPolicy = Object.freeze({ all: true, hosts: new Set<string>(), ranges: new BlockList(), key: 'open' });

const HOST_RE = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/;

/**
 * Checks and normalises an `allowPrivateNetwork` option (`field` names it in errors).
 *
 * @throws {@link ValidationError} for anything but a boolean or a list of host names, IP addresses and CIDR ranges.
 */
export function privateNetworkPolicy(value: AllowPrivateNetwork | undefined, field = 'allowPrivateNetwork'): PrivateNetworkPolicy {
  if (value === undefined || value === false) return GUARDED;
  if (value === true) return OPEN;
  if (!Array.isArray(value)) {
    throw new ValidationError(field, `must be true, false or a list of hosts / CIDR ranges, e.g. ['127.0.0.1', '10.0.0.0/8'] (got ${typeof value})`);
  }
  const hosts = new Set<string>();
  const ranges = new BlockList();
  const keys: string[] = [];
  for (const raw of value as unknown[]) {
    const entry = typeof raw === 'string' ? raw.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1') : '';
    const [address = '', prefixText] = entry.split('/');
    const family = isIP(address);
    if (family !== 0) {
      const max = family === 4 ? 32 : 128;
      const prefix = prefixText === undefined ? max : Number(prefixText);
      if (!/^\d{1,3}$/.test(prefixText ?? String(max)) || prefix > max) {
        throw new ValidationError(field, `'${String(raw)}' has an invalid prefix length; use e.g. '10.0.0.0/8' or 'fd00::/8'`);
      }
      ranges.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
    } else if (prefixText === undefined && HOST_RE.test(entry)) {
      hosts.add(entry.replace(/\.$/, ''));
    } else {
      throw new ValidationError(field, `'${String(raw)}' is neither a host name, an IP address nor a CIDR range`);
    }
    keys.push(entry);
  }
  return Object.freeze({ all: false, hosts, ranges, key: `allow:${keys.sort().join(',')}` });
}

/** True for an address in a range refused by default (IPv4-mapped IPv6 addresses count as their IPv4 address). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  if (blocked.check(address, 'ipv6')) return true;
  // NAT64 (64:ff9b::/96) carries an IPv4 address in its last 32 bits.
  const nat64 = /^64:ff9b::(?:([0-9a-f]{1,4}):)?([0-9a-f]{1,4})$/i.exec(new URL(`http://[${address}]/`).hostname.slice(1, -1));
  if (nat64) {
    const n = (parseInt(nat64[1] ?? '0', 16) << 16) | parseInt(nat64[2]!, 16);
    return blocked.check([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'), 'ipv4');
  }
  return false;
}

/** Whether `policy` lets `host` (as written in the URL) connect to `address`. */
export function allowsAddress(policy: PrivateNetworkPolicy, host: string, address: string): boolean {
  if (policy.all || !isPrivateAddress(address)) return true;
  if (policy.hosts.has(bare(host).toLowerCase())) return true;
  const family = isIP(address);
  return family !== 0 && policy.ranges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Refuses a URL whose host is an IP literal the policy blocks (names are checked
 * after DNS resolution, by {@link guardedLookup}).
 *
 * @throws {@link PrivateNetworkError}
 */
export function checkLiteralHost(url: URL, policy: PrivateNetworkPolicy): void {
  const host = bare(url.hostname);
  if (isIP(host) !== 0 && !allowsAddress(policy, host, host)) throw new PrivateNetworkError(host, host);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `dns.lookup` replacement for `net.connect`: resolves every address of the
 * name, keeps those the policy allows, and fails with {@link PrivateNetworkError}
 * when none is left.
 */
export function guardedLookup(policy: PrivateNetworkPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const allowed = addresses.filter((a) => allowsAddress(policy, hostname, a.address));
      if (allowed.length === 0) return callback(new PrivateNetworkError(hostname, addresses[0]?.address ?? '') as NodeJS.ErrnoException, []);
      if (options.all) return callback(null, allowed);
      return callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

function bare(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
