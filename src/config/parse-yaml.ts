// The YAML parser of config files, in a module of its own so a scan without a config never loads it.
export { parse } from 'yaml';
