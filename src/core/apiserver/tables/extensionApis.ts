/**
 * Tables of the cluster-extension kinds: apiservices (kube-aggregator's printer: NAME,
 * SERVICE, AVAILABLE, AGE), the admissionregistration.k8s.io kinds, certificatesigningrequests,
 * runtimeclasses and the flowcontrol kinds (printers.go). CustomResourceDefinitions use the
 * default NAME, CREATED AT table.
 */
import { humanDuration } from '../../api/humanDuration.ts';
import { age, int, type Dict } from './cells.ts';
import { ageColumn, column, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** apiServiceTable: SERVICE is `Local` or namespace/name; AVAILABLE is the condition, with its reason when not True. */
export const apiServiceTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Service', 'string', 'The reference to the service that hosts this API endpoint.'),
    column('Available', 'string', 'Whether this service is available.'),
    ageColumn,
  ],
  row(obj, now) {
    const svc = (obj as Dict).spec?.service;
    const cond = ((obj as Dict).status?.conditions ?? []).find((c: Dict) => c.type === 'Available');
    const available = !cond ? 'Unknown' : cond.status === 'True' ? 'True' : `${cond.status} (${cond.reason})`;
    return [obj.metadata.name, svc ? `${svc.namespace}/${svc.name}` : 'Local', available, age(obj, now)];
  },
};

/** webhookConfigurationTable: NAME, WEBHOOKS, AGE (mutating and validating alike). */
export const webhookConfigurationTable: TableDefinition = {
  columns: [nameColumn, column('Webhooks', 'integer', 'Webhooks indicates the number of webhooks in the configuration.'), ageColumn],
  row: (obj, now) => [obj.metadata.name, ((obj as Dict).webhooks ?? []).length, age(obj, now)],
};

/** validatingAdmissionPolicyTable: NAME, VALIDATIONS, PARAMKIND, AGE. */
export const validatingAdmissionPolicyTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Validations', 'integer', 'Validations indicates the number of validation rules defined in this configuration'),
    column('ParamKind', 'string', 'ParamKind specifies the kind of resources used to parameterize this policy'),
    ageColumn,
  ],
  row(obj, now) {
    const spec = (obj as Dict).spec ?? {};
    const paramKind = spec.paramKind ? `${spec.paramKind.apiVersion}/${spec.paramKind.kind}` : '<unset>';
    return [obj.metadata.name, (spec.validations ?? []).length, paramKind, age(obj, now)];
  },
};

/** validatingAdmissionPolicyBindingTable: NAME, POLICYNAME, PARAMREF, AGE. */
export const validatingAdmissionPolicyBindingTable: TableDefinition = {
  columns: [
    nameColumn,
    column('PolicyName', 'string', 'PolicyName indicates the policy definition which the policy binding binded to'),
    column('ParamRef', 'string', 'ParamRef indicates the param resource which sets the configration param'),
    ageColumn,
  ],
  row(obj, now) {
    const spec = (obj as Dict).spec ?? {};
    const ref = spec.paramRef;
    let paramRef = '<unset>';
    if (ref?.name) paramRef = ref.namespace ? `${ref.namespace}/${ref.name}` : `*/${ref.name}`;
    else if (ref?.selector) paramRef = ref.selector ? '*/*' : '<unset>';
    return [obj.metadata.name, spec.policyName ?? '', paramRef, age(obj, now)];
  },
};

/** csrCondition is extractCSRStatus: Approved/Denied/Failed joined, `Pending` without a verdict, `,Issued` once signed. */
export function csrCondition(csr: Dict): string {
  let approved = false;
  let denied = false;
  const parts: string[] = [];
  for (const c of csr.status?.conditions ?? []) {
    if (c.type === 'Approved') approved = true;
    if (c.type === 'Denied') denied = true;
    if (['Approved', 'Denied', 'Failed'].includes(c.type)) parts.push(c.type);
  }
  if (!approved && !denied) parts.unshift('Pending');
  if (csr.status?.certificate && approved) parts.push('Issued');
  return parts.join(',');
}

/** csrTable: NAME, AGE, SIGNERNAME, REQUESTOR, REQUESTEDDURATION, CONDITION. */
export const csrTable: TableDefinition = {
  columns: [
    nameColumn,
    ageColumn,
    column('SignerName', 'string', 'Only shown when using v1 API. signerName indicates the requested signer, and is a qualified name.'),
    column('Requestor', 'string', 'Name of the user requesting the certificate'),
    column('RequestedDuration', 'string', 'The requested duration of the certificate'),
    column('Condition', 'string', 'The status of this request'),
  ],
  row(obj, now) {
    const csr = obj as Dict;
    const seconds = csr.spec?.expirationSeconds;
    return [obj.metadata.name, age(obj, now), csr.spec?.signerName ?? '', csr.spec?.username ?? '', seconds === undefined ? '<none>' : humanDuration(seconds * 1000), csrCondition(csr)];
  },
};

/** runtimeClassTable: NAME, HANDLER, AGE. */
export const runtimeClassTable: TableDefinition = {
  columns: [nameColumn, column('Handler', 'string', 'Handler specifies the underlying runtime and configuration that the CRI implementation will use to handle pods of this class.'), ageColumn],
  row: (obj, now) => [obj.metadata.name, (obj as Dict).handler ?? '', age(obj, now)],
};

/** flowSchemaTable: NAME, PRIORITYLEVEL, MATCHINGPRECEDENCE, DISTINGUISHERMETHOD, AGE, MISSINGPL. */
export const flowSchemaTable: TableDefinition = {
  columns: [
    nameColumn,
    column('PriorityLevel', 'string', 'priorityLevelConfiguration should reference a PriorityLevelConfiguration in the cluster.'),
    column('MatchingPrecedence', 'string', 'matchingPrecedence is used to choose among the FlowSchemas that match a given request.'),
    column('DistinguisherMethod', 'string', 'distinguisherMethod defines how to compute the flow distinguisher for requests that match this schema.'),
    ageColumn,
    column('MissingPL', 'string', 'indicates if the referenced priority level is missing'),
  ],
  row(obj, now) {
    const fs = obj as Dict;
    const dangling = (fs.status?.conditions ?? []).find((c: Dict) => c.type === 'Dangling');
    return [
      obj.metadata.name,
      fs.spec?.priorityLevelConfiguration?.name ?? '',
      String(int(fs.spec?.matchingPrecedence)),
      fs.spec?.distinguisherMethod?.type ?? '<none>',
      age(obj, now),
      dangling ? dangling.status : '?',
    ];
  },
};

/** priorityLevelTable: NAME, TYPE, NOMINALCONCURRENCYSHARES, QUEUES, HANDSIZE, QUEUELENGTHLIMIT, AGE. */
export const priorityLevelTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Type', 'string', 'type indicates whether this priority level is subject to limitation on request execution.'),
    column('NominalConcurrencyShares', 'string', 'nominalConcurrencyShares (NCS) contributes to the computation of the NominalConcurrencyLimit (NominalCL) of this level.'),
    column('Queues', 'string', 'queues is the number of queues for this priority level.'),
    column('HandSize', 'string', 'handSize is a small positive number that configures the shuffle sharding of requests into queues.'),
    column('QueueLengthLimit', 'string', 'queueLengthLimit is the maximum number of requests allowed to be waiting in a given queue of this priority level at a time.'),
    ageColumn,
  ],
  row(obj, now) {
    const spec = (obj as Dict).spec ?? {};
    const limited = spec.limited;
    const queuing = limited?.limitResponse?.queuing;
    const cell = (v: unknown) => (v === undefined ? '<none>' : String(v));
    return [
      obj.metadata.name,
      spec.type ?? '',
      limited ? cell(limited.nominalConcurrencyShares) : '<none>',
      cell(queuing?.queues),
      cell(queuing?.handSize),
      cell(queuing?.queueLengthLimit),
      age(obj, now),
    ];
  },
};
