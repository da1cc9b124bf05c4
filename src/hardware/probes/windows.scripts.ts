// The PowerShell each Windows probe runs: one process per component, CIM and Storage cmdlets only
// (wmic is deprecated). Enumerations are turned into their names in the script, so ConvertTo-Json
// cannot write them as numbers; UTF-8 output keeps non-ASCII device names intact.

const PRELUDE = "[Console]::OutputEncoding = [Text.Encoding]::UTF8; $ErrorActionPreference = 'SilentlyContinue';";

export const CPU_SCRIPT = [
  PRELUDE,
  '$t = @(Get-CimInstance -Namespace root/wmi -ClassName MSAcpi_ThermalZoneTemperature | ForEach-Object { $_.CurrentTemperature });',
  '$p = @(Get-CimInstance -ClassName Win32_Processor | Select-Object Name, CurrentClockSpeed, MaxClockSpeed, NumberOfCores, NumberOfLogicalProcessors);',
  '[pscustomobject]@{ thermal = $t; processors = $p } | ConvertTo-Json -Compress -Depth 3',
].join(' ');

export const MEMORY_SCRIPT = [
  PRELUDE,
  '$m = @(Get-CimInstance -ClassName Win32_PhysicalMemory | Select-Object Manufacturer, PartNumber, Capacity, Speed, ConfiguredClockSpeed, DeviceLocator, FormFactor);',
  '$f = @(Get-CimInstance -ClassName Win32_PageFileUsage | Select-Object Name, AllocatedBaseSize, CurrentUsage);',
  '[pscustomobject]@{ modules = $m; page_files = $f } | ConvertTo-Json -Compress -Depth 3',
].join(' ');

export const DISKS_SCRIPT = [
  PRELUDE,
  '$d = @(Get-PhysicalDisk | ForEach-Object { $r = $_ | Get-StorageReliabilityCounter;',
  '[pscustomobject]@{ DeviceId = [string]$_.DeviceId; FriendlyName = $_.FriendlyName; Model = $_.Model; SerialNumber = $_.SerialNumber;',
  'MediaType = [string]$_.MediaType; BusType = [string]$_.BusType; Size = $_.Size; HealthStatus = [string]$_.HealthStatus;',
  'OperationalStatus = @($_.OperationalStatus | ForEach-Object { [string]$_ }); Usage = [string]$_.Usage;',
  'Temperature = $r.Temperature; Wear = $r.Wear; ReadErrorsUncorrected = $r.ReadErrorsUncorrected } });',
  "$v = @(Get-CimInstance -ClassName Win32_LogicalDisk -Filter 'DriveType=3' | Select-Object DeviceID, FileSystem, Size, FreeSpace, VolumeName);",
  '[pscustomobject]@{ physical = $d; volumes = $v } | ConvertTo-Json -Compress -Depth 4',
].join(' ');

/**
 * The argument list that runs `script`: no profile, no prompts, and the script passed as
 * -EncodedCommand (base64 UTF-16LE), so no quoting rule of the Windows command line can alter it.
 */
export function powershellArgv(script: string): string[] {
  const encoded = Buffer.from(script, 'utf16le').toString('base64');
  return ['powershell.exe', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded];
}
