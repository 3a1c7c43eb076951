import { walkShard } from './walk';

walkShard(2);
