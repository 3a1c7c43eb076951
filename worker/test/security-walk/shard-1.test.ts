import { walkShard } from './walk';

walkShard(1);
