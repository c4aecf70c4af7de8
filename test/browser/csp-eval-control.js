// Control: what zod would do without jitless. Under script-src 'self' this must raise a violation.
try { new Function("return 1")(); window.__evalWorked = true; } catch (e) { window.__evalWorked = false; }
