import { useEffect, useRef } from 'react';
import type { ChartOption } from '../utils/echarts-option.js';
import { echarts } from './echarts-setup.js';

/** Draws an ECharts option on a canvas that follows its box's size (a lazy chunk: ECharts loads with it). */
export const EChartsCanvas = ({ option, label, height = 340 }: { option: ChartOption; label: string; height?: number }) => {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);

  return <div ref={element} style={{ height, width: '100%' }} role="img" aria-label={label} data-testid="results-chart" />;
};

export default EChartsCanvas;
