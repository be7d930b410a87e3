// Every loader and env collector registers itself on import. Add new file types here.
import './yaml.js';
import './envfile.js';
import './dockerfile.js';
import './compose.js';
import './scripts.js';
import '../secrets/text-unit.js';
import './helm-values-env.js';

export { loadersFor } from './registry.js';
