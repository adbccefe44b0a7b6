/**
 * (m) An unmodified create-react-app project pushed as is: the CRA README, react-scripts, the stock
 * `App.test.js` ("renders learn react link"), reportWebVitals, the CRA .gitignore.
 */
import { CRA_README } from "../../checks/documentation/readme-fixtures.js";
import type { Archetype } from "../archetype.js";

// The README create-react-app writes, unchanged (shared with the README check's own tests).
const readme = CRA_README;

const packageJson = `{
  "name": "my-app",
  "version": "0.1.0",
  "private": true,
  "dependencies": {
    "@testing-library/jest-dom": "^5.17.0",
    "@testing-library/react": "^13.4.0",
    "@testing-library/user-event": "^13.5.0",
    "react": "^18.3.1",
    "react-dom": "^18.3.1",
    "react-scripts": "5.0.1",
    "web-vitals": "^2.1.4"
  },
  "scripts": {
    "start": "react-scripts start",
    "build": "react-scripts build",
    "test": "react-scripts test",
    "eject": "react-scripts eject"
  },
  "eslintConfig": {
    "extends": [
      "react-app",
      "react-app/jest"
    ]
  },
  "browserslist": {
    "production": [
      ">0.2%",
      "not dead",
      "not op_mini all"
    ],
    "development": [
      "last 1 chrome version",
      "last 1 firefox version",
      "last 1 safari version"
    ]
  }
}
`;

export const craTemplate: Archetype = {
  name: "cra-template",
  kind: "an unmodified create-react-app project",
  tree: {
    "README.md": readme,
    ".gitignore":
      "# See https://help.github.com/articles/ignoring-files/ for more about ignoring files.\n\n# dependencies\n/node_modules\n/.pnp\n.pnp.js\n\n# testing\n/coverage\n\n# production\n/build\n\n# misc\n.DS_Store\n.env.local\n.env.development.local\n.env.test.local\n.env.production.local\n\nnpm-debug.log*\nyarn-debug.log*\nyarn-error.log*\n",
    "package.json": packageJson,
    "package-lock.json":
      '{\n  "name": "my-app",\n  "version": "0.1.0",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n    "": { "name": "my-app", "version": "0.1.0" },\n    "node_modules/react-scripts": {\n      "version": "5.0.1",\n      "resolved": "https://registry.npmjs.org/react-scripts/-/react-scripts-5.0.1.tgz",\n      "integrity": "sha512-8VAmEm/ZAwQzJ+GOMLbBsTdDKOpuZh7RPs0Bj4gQR8yOGB/nd4AyfgTm8dGvc/3O11wvVaYwUAYnVpQMnFXlhQ=="\n    }\n  }\n}\n',
    "public/index.html":
      '<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <link rel="icon" href="%PUBLIC_URL%/favicon.ico" />\n    <title>React App</title>\n  </head>\n  <body>\n    <noscript>You need to enable JavaScript to run this app.</noscript>\n    <div id="root"></div>\n  </body>\n</html>\n',
    "public/manifest.json":
      '{\n  "short_name": "React App",\n  "name": "Create React App Sample",\n  "start_url": ".",\n  "display": "standalone",\n  "theme_color": "#000000",\n  "background_color": "#ffffff"\n}\n',
    "public/robots.txt": "# https://www.robotstxt.org/robotstxt.html\nUser-agent: *\nDisallow:\n",
    "public/favicon.ico": { mode: "file", size: 3870 },
    "public/logo192.png": { mode: "file", size: 5347 },
    "src/App.css": ".App {\n  text-align: center;\n}\n\n.App-logo {\n  height: 40vmin;\n  pointer-events: none;\n}\n",
    "src/App.js":
      'import logo from \'./logo.svg\';\nimport \'./App.css\';\n\nfunction App() {\n  return (\n    <div className="App">\n      <header className="App-header">\n        <img src={logo} className="App-logo" alt="logo" />\n        <p>\n          Edit <code>src/App.js</code> and save to reload.\n        </p>\n        <a\n          className="App-link"\n          href="https://reactjs.org"\n          target="_blank"\n          rel="noopener noreferrer"\n        >\n          Learn React\n        </a>\n      </header>\n    </div>\n  );\n}\n\nexport default App;\n',
    "src/App.test.js":
      "import { render, screen } from '@testing-library/react';\nimport App from './App';\n\ntest('renders learn react link', () => {\n  render(<App />);\n  const linkElement = screen.getByText(/learn react/i);\n  expect(linkElement).toBeInTheDocument();\n});\n",
    "src/index.css": "body {\n  margin: 0;\n}\n",
    "src/index.js":
      "import React from 'react';\nimport ReactDOM from 'react-dom/client';\nimport './index.css';\nimport App from './App';\nimport reportWebVitals from './reportWebVitals';\n\nconst root = ReactDOM.createRoot(document.getElementById('root'));\nroot.render(\n  <React.StrictMode>\n    <App />\n  </React.StrictMode>\n);\n\n// If you want to start measuring performance in your app, pass a function\n// to log results (for example: reportWebVitals(console.log))\n// or send to an analytics endpoint. Learn more: https://bit.ly/CRA-vitals\nreportWebVitals();\n",
    "src/logo.svg":
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 841.9 595.3"><g fill="#61DAFB"><circle cx="420.9" cy="296.5" r="45.7"/></g></svg>\n',
    "src/reportWebVitals.js":
      "const reportWebVitals = onPerfEntry => {\n  if (onPerfEntry && onPerfEntry instanceof Function) {\n    import('web-vitals').then(({ getCLS, getFID, getFCP, getLCP, getTTFB }) => {\n      getCLS(onPerfEntry);\n      getFID(onPerfEntry);\n      getFCP(onPerfEntry);\n      getLCP(onPerfEntry);\n      getTTFB(onPerfEntry);\n    });\n  }\n};\n\nexport default reportWebVitals;\n",
    "src/setupTests.js":
      "// jest-dom adds custom jest matchers for asserting on DOM nodes.\n// allows you to do things like:\n// expect(element).toHaveTextContent(/react/i)\n// learn more: https://github.com/testing-library/jest-dom\nimport '@testing-library/jest-dom';\n",
  },
  expected: {
    "testing.tests": ["partial", "only CRA's stock 'renders learn react link' test: a placeholder"],
    "testing.coverage": ["fail", "none"],
    "testing.ml_tests": [["fail", "not_applicable"], "no ML"],
    "documentation.readme": ["partial", "the unmodified create-react-app README"],
    "documentation.docstrings": [["fail", "not_applicable"], "the template's App has no doc comment"],
    "documentation.license": ["fail", "none"],
    "ci_cd.workflows": ["fail", "none"],
    "ci_cd.runs_tests": ["fail", "no CI"],
    "ci_cd.quality_gates": ["fail", "no CI"],
    "ci_cd.pinned_actions": ["not_applicable", "no actions"],
    "code_structure.modules": [["partial", "pass"], "the template's src/ of a component and an entry point"],
    "code_structure.dependencies": ["pass", "package-lock.json"],
    "code_structure.configuration": [["fail", "not_applicable"], "nothing configurable"],
    "code_quality.lint_format": ["partial", "eslintConfig react-app (run by react-scripts), no formatter"],
    "code_quality.types": [["not_applicable", "fail"], "plain JavaScript: no optional typing used"],
    "code_quality.precommit": ["fail", "none"],
    "code_quality.gitignore": ["pass", "CRA's .gitignore covers node_modules, build, coverage, .env.local"],
    "code_quality.secrets": ["pass", "none"],
    "containerization.dockerfile": ["fail", "none"],
    "monitoring.logging": [["fail", "not_applicable"], "no logging (nor output)"],
    "monitoring.observability": ["fail", "reportWebVitals() is called with no reporter: measures nothing"],
    "scalability.experiment_tracking": [["fail", "not_applicable"], "no ML"],
    "scalability.data_versioning": [["fail", "not_applicable"], "no ML"],
    "scalability.serving": [["fail", "not_applicable"], "no API"],
    "scalability.distributed": [["fail", "not_applicable"], "no ML"],
    "scalability.deployment": ["fail", "none"],
  },
};
