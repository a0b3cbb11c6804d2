import { createApp } from 'vue';
import '@lanewise/elements/case-intake.js';
import '@lanewise/elements/case-board.js';
import Station from './Station.vue';
import '../shared/frame.css';

createApp(Station).mount('#app');
