import { memoryStore } from '../../src/runtime/stores/memory-store.js';
import { describeStoreContract } from './contract.js';

describeStoreContract('memoryStore', async () => ({ store: memoryStore(), dispose: async () => {}, paged: true }));
