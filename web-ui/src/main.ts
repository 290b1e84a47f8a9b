import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'dayjs/locale/zh-cn'
// styles of the service components (ElMessage, ElMessageBox), which templates do not reference
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { connectApiToSession } from './services/apiSession'

const pinia = createPinia()
const app = createApp(App).use(pinia)
connectApiToSession(router)
app.use(router).mount('#app')
