import { startBackground } from '@/utils/background/startBackground';
import { db } from '@/utils/storage/database';

export default defineBackground(() => startBackground(db));
