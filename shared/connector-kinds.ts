/**
 * What each ERP connector kind accepts at setup, shared by the Worker and the console:
 * where its instances live (the token and base URL must be on one of these hosts) and which
 * OAuth scopes it may ask for. Read scopes only: the connectors never write to the ERP.
 */
export const CONNECTOR_KIND_INFO = {
  coupa: {
    label: 'Coupa',
    hostSuffixes: ['.coupahost.com', '.coupacloud.com'],
    requiredScopes: ['core.purchase_order.read'],
    optionalScopes: ['core.common.read'],
    documents: 'purchase orders',
  },
} as const;
export type ConnectorKind = keyof typeof CONNECTOR_KIND_INFO;
export const CONNECTOR_KINDS = Object.keys(CONNECTOR_KIND_INFO) as [ConnectorKind];
