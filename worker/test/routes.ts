import { call, json } from './http';

export interface ApiOperation {
  method: string;
  path: string;
  access?: string;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { 'x-access'?: string }>>;
}

/** Every operation of the OpenAPI document: the list the security walks iterate over. */
export async function listOperations(): Promise<ApiOperation[]> {
  const doc = await json<OpenApiDocument>(await call('/api/v1/openapi.json'));
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      access: operation['x-access'],
    })),
  );
}

/** Fills `{param}` placeholders (OpenAPI style) with the given id. */
export function fillPath(path: string, id: string): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
}

export function invoke(operation: ApiOperation, id: string, headers: Record<string, string>) {
  const hasBody = !['GET', 'HEAD', 'DELETE'].includes(operation.method);
  return call(fillPath(operation.path, id), {
    method: operation.method,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(hasBody ? { body: '{}' } : {}),
  });
}
