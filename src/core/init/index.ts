export { scanFolder, SCAN_FILE_LIMIT, type ScanResult } from './scan-folder.js';
export { planSources, safeName, type InitPlan, type PlannedSource } from './init-plan.js';
export { renderSourcesToml, type InitEmbedder } from './render-sources-toml.js';
export { runInit, type InitRequest, type InitResult } from './run-init.js';
export { folderOf, topFolderOf, groupBy, nameFromFolder } from './group-files.js';
