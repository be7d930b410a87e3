// Every loader registers itself on import. Add new file types here.
import './yaml.js';
import './envfile.js';

export { loadersFor } from './registry.js';
