import { walkShard } from './walk';

walkShard(4);
