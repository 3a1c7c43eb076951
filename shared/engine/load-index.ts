import { engineIndexJson } from './generated/engine-index';
import type { EngineIndex } from './index-types';

let cached: EngineIndex | undefined;

/** The generated index, parsed once per isolate on first use. */
export function loadEngineIndex(): EngineIndex {
  cached ??= JSON.parse(engineIndexJson) as EngineIndex;
  return cached;
}
