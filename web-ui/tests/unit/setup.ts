// async-validator (used by el-form) logs every failed rule to the console outside production
;(globalThis as { ASYNC_VALIDATOR_NO_WARNING?: number }).ASYNC_VALIDATOR_NO_WARNING = 1

// the API client sends the session's token, as main.ts configures it (no router here: a 401 only ends the session)
import { connectApiToSession } from '@/services/apiSession'
connectApiToSession()
