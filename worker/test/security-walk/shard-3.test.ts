import { walkShard } from './walk';

walkShard(3);
