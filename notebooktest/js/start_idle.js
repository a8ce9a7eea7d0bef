// startIdle() gives "" when the status bar reads Idle, else what it reads.
() => kernelStatus() === "Idle" ? "" : "status bar: " + kernelStatus()
