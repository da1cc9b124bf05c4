import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Float, Int, Issues, MeasuredDto, Status, Text } from './wire-types.js';

// docs/extras.md "Hardware health": `smart` of a physical disk; which keys appear depends on `source`.
export class SmartDto {
  @Text({ enum: ['smartctl', 'Get-PhysicalDisk'], example: 'smartctl' }) source!: string;
  @ApiProperty({ required: false, type: Boolean, nullable: true, example: true, description: 'smartctl: the overall assessment; null: not reported' })
  passed?: boolean | null;
  @ApiProperty({ required: false, type: Boolean, example: true, description: 'smartctl: ATA attributes or the NVMe health log were read' })
  attributes_present?: boolean;
  @Text({ required: false, nullable: true, example: 'Healthy', description: 'Get-PhysicalDisk' }) health_status?: string | null;
  @Text({ required: false, nullable: true, example: 'OK', description: 'Get-PhysicalDisk' }) operational_status?: string | null;
  @Int({ required: false, nullable: true, example: 36 }) temperature_c?: number | null;
  @Int({ required: false, nullable: true, example: 2401, description: 'smartctl' }) power_on_hours?: number | null;
  @Int({ required: false, nullable: true, example: 3, description: 'Get-StorageReliabilityCounter' }) wear_percent?: number | null;
}

export class PhysicalDiskDto {
  @ApiProperty({ enum: ['physical'], example: 'physical' }) kind!: 'physical';
  @Text({ example: '/dev/nvme0' }) device_id!: string;
  @Text({ example: 'Samsung SSD 980 PRO 1TB' }) name!: string;
  @Text({ nullable: true, example: 'Samsung SSD 980 PRO 1TB' }) model!: string | null;
  @Text({ nullable: true, example: 'S5GXNF0R123456' }) serial!: string | null;
  @Text({ nullable: true, example: 'SSD', description: 'SSD, HDD, SCM or null' }) media_type!: string | null;
  @Text({ nullable: true, example: 'NVMe' }) bus_type!: string | null;
  @Int({ nullable: true, example: 1000204886016 }) size_bytes!: number | null;
  @ApiProperty({ type: SmartDto }) smart!: SmartDto;
  @Status() status!: string;
  @Issues() issues!: string[];
}

export class VolumeDto {
  @ApiProperty({ enum: ['volume'], example: 'volume' }) kind!: 'volume';
  @Text({ example: '/' }) mountpoint!: string;
  @Text({ example: '/dev/vda' }) device!: string;
  @Text({ example: 'ext4' }) fstype!: string;
  @Int({ example: 270553174016 }) total_bytes!: number;
  @Int({ example: 25170157568 }) used_bytes!: number;
  @Int({ example: 83774136320, description: 'free to unprivileged users' }) free_bytes!: number;
  @Float({ example: 31.0, description: 'free_bytes / total_bytes × 100' }) free_percent!: number;
  @Status() status!: string;
  @Issues() issues!: string[];
}

export class DisksMetricsDto {
  @Int({ required: false, example: 1 }) physical_count?: number;
  @Int({ required: false, example: 1 }) volume_count?: number;
}

@ApiExtraModels(PhysicalDiskDto, VolumeDto)
export class DisksComponentDto extends MeasuredDto {
  @Status() status!: string;
  @ApiProperty({ type: DisksMetricsDto }) metrics!: DisksMetricsDto;
  @Issues() issues!: string[];
  @ApiProperty({
    type: 'array',
    description: 'physical disks first, then volumes',
    items: {
      oneOf: [{ $ref: getSchemaPath(PhysicalDiskDto) }, { $ref: getSchemaPath(VolumeDto) }],
      discriminator: { propertyName: 'kind', mapping: { physical: getSchemaPath(PhysicalDiskDto), volume: getSchemaPath(VolumeDto) } },
    },
  })
  items!: (PhysicalDiskDto | VolumeDto)[];
}
