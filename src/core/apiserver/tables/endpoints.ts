/**
 * Endpoints and EndpointSlice tables (printEndpoints, printEndpointSlice in printers.go).
 * Both show at most three addresses and then "+ N more...".
 */
import { age, type Dict } from './cells.ts';
import { ageColumn, column, nameColumn, type TableDefinition } from './tableDefinition.ts';

const MAX_LISTED = 3;

function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** formatEndpoints is the ENDPOINTS cell: "ip:port" for ready addresses, "<none>" without subsets. */
export function formatEndpoints(endpoints: Dict): string {
  const subsets: Dict[] = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses: Dict[] = ss.addresses ?? [];
    const ports: Dict[] = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_LISTED) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_LISTED) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - MAX_LISTED} more...` : joined;
}

function listWithMore(list: string[], more: boolean, count: number): string {
  const joined = list.join(',');
  if (more) return `${joined} + ${count - MAX_LISTED} more...`;
  return joined === '' ? '<unset>' : joined;
}

/** formatSlicePorts is the EndpointSlice PORTS cell: port numbers, names, or "*". */
export function formatSlicePorts(ports: Dict[] | undefined | null): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of ports ?? []) {
    if (list.length < MAX_LISTED) list.push(typeof p.port === 'number' ? String(p.port) : (p.name ?? '*'));
    else more = true;
    count++;
  }
  return listWithMore(list, more, count);
}

/** formatSliceEndpoints is the EndpointSlice ENDPOINTS cell: addresses of all endpoints. */
export function formatSliceEndpoints(endpoints: Dict[] | undefined | null): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ep of endpoints ?? []) {
    for (const address of ep.addresses ?? []) {
      if (list.length < MAX_LISTED) list.push(address);
      else more = true;
      count++;
    }
  }
  return listWithMore(list, more, count);
}

/** endpointsTable: NAME, ENDPOINTS, AGE. */
export const endpointsTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Endpoints', 'string', 'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.'),
    ageColumn,
  ],
  row: (obj, now) => [obj.metadata.name, formatEndpoints(obj as Dict), age(obj, now)],
};

/** endpointSliceTable: NAME, ADDRESSTYPE, PORTS, ENDPOINTS, AGE. */
export const endpointSliceTable: TableDefinition = {
  columns: [
    nameColumn,
    column('AddressType', 'string', 'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.'),
    column('Ports', 'string', 'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates "all ports". Each slice may include a maximum of 100 ports.'),
    column('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.'),
    ageColumn,
  ],
  row: (obj, now) => {
    const s = obj as Dict;
    return [obj.metadata.name, s.addressType ?? '', formatSlicePorts(s.ports), formatSliceEndpoints(s.endpoints), age(obj, now)];
  },
};
