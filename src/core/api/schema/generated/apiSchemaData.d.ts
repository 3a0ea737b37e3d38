// Type of the module written by scripts/derive-schema.ts (the .js beside it is generated, not committed).
import type { SchemaData } from '../schemaData.ts';

declare const data: SchemaData;
export default data;
