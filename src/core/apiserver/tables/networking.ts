/** Networking tables from printers.go: ingresses, ingressclasses, networkpolicies. */
import { age, formatLabelSelector, type Dict } from './cells.ts';
import { loadBalancerStatusString } from './services.ts';
import { ageColumn, column, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** ingressHosts is the HOSTS cell: up to three rule hosts, then "+ N more...", or "*". */
export function ingressHosts(rules: Dict[] | undefined): string {
  const list: string[] = [];
  let more = false;
  for (const rule of rules ?? []) {
    if (list.length === 3) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const joined = list.join(',');
  return more ? `${joined} + ${(rules ?? []).length - 3} more...` : joined;
}

/** ingressTable: NAME, CLASS, HOSTS, ADDRESS, PORTS, AGE. */
export const ingressTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Class', 'string', 'The name of the IngressClass resource that should be used to select the controller for this Ingress'),
    column('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'string', 'Ports of TLS configurations that open'),
    ageColumn,
  ],
  row: (obj, now) => {
    const ing = obj as Dict;
    return [
      obj.metadata.name,
      ing.spec?.ingressClassName ?? '<none>',
      ingressHosts(ing.spec?.rules),
      loadBalancerStatusString(ing.status?.loadBalancer),
      (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
      age(obj, now),
    ];
  },
};

/** ingressClassTable: NAME, CONTROLLER, PARAMETERS, AGE. */
export const ingressClassTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Controller', 'string', 'Controller that is responsible for handling this class'),
    column('Parameters', 'string', 'A reference to a resource with additional parameters'),
    ageColumn,
  ],
  row: (obj, now) => {
    const ic = obj as Dict;
    const p: Dict | undefined = ic.spec?.parameters;
    const parameters = p ? `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}` : '<none>';
    return [obj.metadata.name, ic.spec?.controller ?? '', parameters, age(obj, now)];
  },
};

/** networkPolicyTable: NAME, POD-SELECTOR, AGE. */
export const networkPolicyTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Pod-Selector', 'string', "podSelector selects the pods to which this NetworkPolicy object applies. The array of ingress rules is applied to any pods selected by this field. Multiple network policies can select the same set of pods. In this case, the ingress rules for each are combined additively. This field is NOT optional and follows standard label selector semantics. An empty podSelector matches all pods in this namespace."),
    ageColumn,
  ],
  row: (obj, now) => [obj.metadata.name, formatLabelSelector((obj as Dict).spec?.podSelector), age(obj, now)],
};
