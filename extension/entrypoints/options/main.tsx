import { render } from 'preact';
import { OptionsApp } from '../../components/options/options-app';
import './style.css';

render(<OptionsApp />, document.getElementById('app')!);
