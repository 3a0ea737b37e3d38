/** Service table (printService in printers.go): NAME, TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S), AGE (+ SELECTOR). */
import { age, formatLabels, type Dict } from './cells.ts';
import { ageColumn, column, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** loadBalancerStatusString joins LoadBalancer ingress IPs or hostnames (the server prints wide, so no clipping). */
export function loadBalancerStatusString(lb: Dict | undefined): string {
  return (lb?.ingress ?? [])
    .map((i: Dict) => i.ip || i.hostname || '')
    .filter((s: string) => s !== '')
    .join(',');
}

/** serviceExternalIP is the EXTERNAL-IP cell (getServiceExternalIP). */
export function serviceExternalIP(svc: Dict): string {
  const externalIPs: string[] = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatusString(svc.status?.loadBalancer);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
  }
  return '<unknown>';
}

/** servicePorts is the PORT(S) cell (makePortString): "80/TCP" or "80:30080/TCP", comma-joined. */
export function servicePorts(ports: Dict[] | undefined): string {
  return (ports ?? [])
    .map((p) => (p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`))
    .join(',');
}

/** serviceTable is the Table definition of core/v1 services. */
export const serviceTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Type', 'string', 'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer.'),
    column('Cluster-IP', 'string', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    column('External-IP', 'string', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    column('Port(s)', 'string', 'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies'),
    ageColumn,
    column('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.', { priority: 1 }),
  ],
  row(obj, now) {
    const svc = obj as Dict;
    return [
      obj.metadata.name,
      svc.spec?.type ?? '',
      svc.spec?.clusterIPs?.[0] ?? '<none>',
      serviceExternalIP(svc),
      servicePorts(svc.spec?.ports) || '<none>',
      age(obj, now),
      formatLabels(svc.spec?.selector),
    ];
  },
};
