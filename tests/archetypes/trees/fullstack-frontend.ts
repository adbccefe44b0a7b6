/** The React/Vite frontend of the full-stack archetype (f): tested with Vitest, linted with ESLint. */

export const packageJson = `{
  "name": "plantdoc-frontend",
  "private": true,
  "version": "0.3.0",
  "type": "module",
  "scripts": {
    "dev": "vite",
    "build": "tsc -b && vite build",
    "lint": "eslint .",
    "preview": "vite preview",
    "test": "vitest run"
  },
  "dependencies": {
    "axios": "^1.7.2",
    "react": "^18.3.1",
    "react-dom": "^18.3.1"
  },
  "devDependencies": {
    "@eslint/js": "^9.5.0",
    "@testing-library/jest-dom": "^6.4.6",
    "@testing-library/react": "^16.0.0",
    "@types/react": "^18.3.3",
    "@types/react-dom": "^18.3.0",
    "@vitejs/plugin-react": "^4.3.1",
    "eslint": "^9.5.0",
    "eslint-plugin-react-hooks": "^5.1.0-rc.0",
    "eslint-plugin-react-refresh": "^0.4.7",
    "globals": "^15.6.0",
    "jsdom": "^24.1.0",
    "typescript": "^5.5.2",
    "typescript-eslint": "^8.0.0-alpha.30",
    "vite": "^5.3.1",
    "vitest": "^1.6.0"
  }
}
`;

export const packageLock = `{
  "name": "plantdoc-frontend",
  "version": "0.3.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "plantdoc-frontend",
      "version": "0.3.0",
      "dependencies": { "axios": "^1.7.2", "react": "^18.3.1", "react-dom": "^18.3.1" }
    },
    "node_modules/axios": {
      "version": "1.7.2",
      "resolved": "https://registry.npmjs.org/axios/-/axios-1.7.2.tgz",
      "integrity": "sha512-2A8QhOMrbomlDuiLeK9XibIBzuHeRcqqNOHp0Cyp5EoJ1IFDh+XZH3A6BkXtv0K4gFGCI0Y4BM7B1wOEi0Rmgw==",
      "license": "MIT"
    },
    "node_modules/react": {
      "version": "18.3.1",
      "resolved": "https://registry.npmjs.org/react/-/react-18.3.1.tgz",
      "integrity": "sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ==",
      "license": "MIT"
    }
  }
}
`;

export const viteConfig = `/// <reference types="vitest" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// https://vitejs.dev/config/
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:8000' } },
  test: {
    environment: 'jsdom',
    setupFiles: './src/setupTests.ts',
  },
})
`;

export const tsconfig = `{
  "compilerOptions": {
    "target": "ES2020",
    "useDefineForClassFields": true,
    "lib": ["ES2020", "DOM", "DOM.Iterable"],
    "module": "ESNext",
    "skipLibCheck": true,
    "moduleResolution": "bundler",
    "allowImportingTsExtensions": true,
    "resolveJsonModule": true,
    "isolatedModules": true,
    "noEmit": true,
    "jsx": "react-jsx",
    "strict": true,
    "noUnusedLocals": true,
    "noUnusedParameters": true,
    "noFallthroughCasesInSwitch": true
  },
  "include": ["src"]
}
`;

export const eslintConfig = `import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2020, globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
    },
  },
)
`;

export const apiTs = `import axios from 'axios'

export interface Diagnosis {
  label: string
  confidence: number
  top_k: { label: string; confidence: number }[]
}

const client = axios.create({ baseURL: import.meta.env.VITE_API_URL ?? '/api' })

export async function diagnose(file: File): Promise<Diagnosis> {
  const form = new FormData()
  form.append('file', file)
  const { data } = await client.post<Diagnosis>('/predict', form)
  console.log('diagnosis', data)
  return data
}
`;

export const uploadForm = `import { useState } from 'react'
import { diagnose, type Diagnosis } from '../api'
import { ResultCard } from './ResultCard'

export function UploadForm() {
  const [result, setResult] = useState<Diagnosis | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function onChange(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      setResult(await diagnose(file))
    } catch (e) {
      console.error(e)
      setError('Could not analyse this image.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <section>
      <label htmlFor="leaf">Upload a photo of a leaf</label>
      <input id="leaf" type="file" accept="image/*" onChange={onChange} disabled={busy} />
      {busy && <p>Analysing…</p>}
      {error && <p role="alert">{error}</p>}
      {result && <ResultCard diagnosis={result} />}
    </section>
  )
}
`;

export const uploadFormTest = `import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import * as api from '../api'
import { UploadForm } from './UploadForm'

describe('UploadForm', () => {
  it('shows the diagnosis returned by the API', async () => {
    vi.spyOn(api, 'diagnose').mockResolvedValue({ label: 'Tomato___Late_blight', confidence: 0.93, top_k: [] })
    render(<UploadForm />)
    await userEvent.upload(screen.getByLabelText(/upload/i), new File(['x'], 'leaf.jpg', { type: 'image/jpeg' }))
    await waitFor(() => expect(screen.getByText(/Late blight/)).toBeInTheDocument())
  })

  it('shows an error when the API fails', async () => {
    vi.spyOn(api, 'diagnose').mockRejectedValue(new Error('500'))
    render(<UploadForm />)
    await userEvent.upload(screen.getByLabelText(/upload/i), new File(['x'], 'leaf.jpg', { type: 'image/jpeg' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not analyse')
  })
})
`;

export const resultCard = `import type { Diagnosis } from '../api'

const pretty = (label: string) => label.replace(/___/g, ': ').replace(/_/g, ' ')

export function ResultCard({ diagnosis }: { diagnosis: Diagnosis }) {
  return (
    <article className="card">
      <h2>{pretty(diagnosis.label)}</h2>
      <p>Confidence: {(diagnosis.confidence * 100).toFixed(1)}%</p>
    </article>
  )
}
`;

export const appTsx = `import { UploadForm } from './components/UploadForm'
import './App.css'

export default function App() {
  return (
    <main>
      <h1>PlantDoc</h1>
      <UploadForm />
    </main>
  )
}
`;

/** The README Vite's template wrote into frontend/: left as it was. */
export const viteReadme = `# React + TypeScript + Vite

This template provides a minimal setup to get React working in Vite with HMR and some ESLint rules.

Currently, two official plugins are available:

- [@vitejs/plugin-react](https://github.com/vitejs/vite-plugin-react/blob/main/packages/plugin-react/README.md) uses [Babel](https://babeljs.io/) for Fast Refresh
- [@vitejs/plugin-react-swc](https://github.com/vitejs/vite-plugin-react-swc) uses [SWC](https://swc.rs/) for Fast Refresh
`;
