/** ECharts with the chart builder's modules (kept here for the modules that import it from the explore feature). */
export { echarts } from '../../charts/components/echarts-setup.js';
