import 'server-only';
export * from './_tenant';
export * from './organizations';
export * from './settings';
export * from './projects';
export * from './inspections';
export * from './violations';
export * from './files';
export * from './audit';
