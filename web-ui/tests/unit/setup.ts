// async-validator (used by el-form) logs every failed rule to the console outside production
;(globalThis as { ASYNC_VALIDATOR_NO_WARNING?: number }).ASYNC_VALIDATOR_NO_WARNING = 1
