// dockerfile-ast in a module of its own: imported on demand, so scans without a Dockerfile never load it.
export { DockerfileParser } from 'dockerfile-ast';
